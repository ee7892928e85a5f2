/**
 * What the pane says about Excel itself, beside the results: Excel set to Manual
 * calculation (the workbook's results wait for F9; a button recalculates now), and the
 * sheets whose conditional formats Excel could not list (an apply leaves them alone).
 */
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
} from "@fluentui/react-components";
import { Calculator20Regular } from "@fluentui/react-icons";
import { Strings } from "../i18n";

export interface WorkbookNoticesProps {
  s: Strings;
  manualCalculation: boolean;
  calculating: boolean;
  /** sheets whose conditional formats Excel could not list */
  unreadableRules: string[];
  /** absent where the host cannot recalculate */
  onCalculate?: () => void;
}

export function WorkbookNotices({
  s,
  manualCalculation,
  calculating,
  unreadableRules,
  onCalculate,
}: WorkbookNoticesProps) {
  return (
    <>
      {manualCalculation && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{s.manualTitle}</MessageBarTitle>
            {s.manual}
          </MessageBarBody>
          {onCalculate && (
            <MessageBarActions>
              <Button
                size="small"
                icon={calculating ? <Spinner size="extra-tiny" /> : <Calculator20Regular />}
                disabledFocusable={calculating}
                onClick={onCalculate}
              >
                {calculating ? s.calculating : s.calculateNow}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      {unreadableRules.length > 0 && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{s.unreadableRulesTitle}</MessageBarTitle>
            {s.unreadableRules(unreadableRules.map((n) => `"${n}"`).join(", "))}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
