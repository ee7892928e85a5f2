/**
 * The menu of the sections whose tabs do not fit the pane's width, opened from the tab
 * row's "more" button: Fluent UI's Menu, placed at the button. Its own chunk, so the
 * first load carries no menu or positioning code.
 */
import { Menu, MenuItem, MenuList, MenuPopover } from "@fluentui/react-components";

export interface SectionTab<K extends string> {
  key: K;
  label: string;
}

export interface SectionsMenuProps<K extends string> {
  /** the "more" button the menu opens from */
  target: HTMLElement;
  sections: SectionTab<K>[];
  onSelect(key: K): void;
  onClose(): void;
}

export function SectionsMenu<K extends string>({ target, sections, onSelect, onClose }: SectionsMenuProps<K>) {
  return (
    <Menu open positioning={{ target, position: "below", align: "end" }} onOpenChange={(_, d) => !d.open && onClose()}>
      <MenuPopover>
        <MenuList>
          {sections.map((x) => (
            <MenuItem key={x.key} onClick={() => onSelect(x.key)}>
              {x.label}
            </MenuItem>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
