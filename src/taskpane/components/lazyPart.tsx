/**
 * A part of the pane that is not on its first screen (settings, the apply preview, the
 * assessor tools, the meeting's record, the charts) comes in a chunk of its own, fetched
 * when it is first asked for, or earlier while the pane is idle. Until it is there a
 * spinner names it; a chunk that cannot be fetched (the network dropped, or the server
 * was updated since the pane opened and the old chunk is gone) names the part and offers
 * to try again, and the rest of the pane goes on working.
 */
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
} from "@fluentui/react-components";
import { Component, ComponentType, lazy, ReactNode, Suspense, useState } from "react";
import { isChunkLoadError, loader } from "../chunks";
import { Strings } from "../i18n";

export type PartName = keyof Strings["parts"];

interface BoundaryProps {
  s: Strings;
  part: PartName;
  onRetry(): void;
  children: ReactNode;
}

/** Catches what the part throws while it loads or draws, so the pane around it stays. */
export class PartBoundary extends Component<BoundaryProps, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: unknown } {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
    const { s, part } = this.props;
    const name = s.parts[part].name;
    const chunk = isChunkLoadError(error);
    return (
      <MessageBar intent="error" layout="multiline" data-testid={`part-failed-${part}`}>
        <MessageBarBody>
          <MessageBarTitle>{s.partFailed(name)}</MessageBarTitle>
          {chunk ? s.partFailedWhy : s.partBroken(name, error instanceof Error ? error.message : String(error))}
        </MessageBarBody>
        <MessageBarActions>
          <Button
            onClick={() => {
              this.props.onRetry();
              this.setState({ error: null });
            }}
          >
            {s.retry}
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
}

/** A part, with its spinner and its failure message; `preload` fetches its chunk now (the pane calls it while idle, so a click never waits). */
export type LazyPart<P> = ComponentType<P & { s: Strings }> & { preload(): Promise<unknown> };

/** Where a part may be lazy or already at hand (a test's stand-in): preloading is then nothing to do. */
export type MaybeLazy<P> = ComponentType<P & { s: Strings }> & { preload?(): Promise<unknown> };

/**
 * What stands in a part's place while it loads: a named spinner, nothing (a popup), or a
 * placeholder of the part's own size, so nothing below it moves when it arrives.
 */
export interface PartOptions {
  spinner?: "inline" | "none";
  placeholder?: ComponentType;
}

/**
 * A part loaded by `load`, drawn with the pane's words `s` besides its own props. React.lazy
 * keeps a failed load for good, so a retry draws a fresh lazy component over a fresh fetch.
 */
export function lazyPart<P extends object>(
  part: PartName,
  load: () => Promise<ComponentType<P>>,
  options: PartOptions = {},
): LazyPart<P> {
  const fetch = loader(load);
  const fresh = () => lazy(() => fetch().then((c) => ({ default: c })));
  let Current = fresh();
  const Placeholder = options.placeholder;
  function Part(props: P & { s: Strings }) {
    // A retry draws the part again, with the lazy component made for it.
    const [, retried] = useState(0);
    const Loaded = Current as unknown as ComponentType<P & { s: Strings }>;
    return (
      <PartBoundary
        s={props.s}
        part={part}
        onRetry={() => {
          Current = fresh();
          retried((n) => n + 1);
        }}
      >
        <Suspense
          fallback={
            Placeholder ? (
              <Placeholder />
            ) : options.spinner === "none" ? null : (
              <Spinner size="tiny" labelPosition="after" label={props.s.parts[part].loading} />
            )
          }
        >
          <Loaded {...props} />
        </Suspense>
      </PartBoundary>
    );
  }
  Part.displayName = `LazyPart(${part})`;
  Part.preload = fetch;
  return Part;
}
