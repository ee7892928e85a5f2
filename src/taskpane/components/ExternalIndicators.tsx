/**
 * Pemdi's external indicators take their value from another agency's index. Each is
 * named with its source; where the conversion is known the assessor can compute the
 * value here and type it in (the pane never writes a level cell).
 */
import { Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { Strings } from "../i18n";
import { ExternalView } from "../view";
import { useSharedStyles } from "./sharedStyles";

const useStyles = makeStyles({
  item: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  from: { color: tokens.colorNeutralForeground2 },
  field: { marginTop: tokens.spacingVerticalXS, maxWidth: "16em" },
});

export interface ExternalIndicatorsProps {
  indicators: ExternalView[];
  s: Strings;
  /** the indicator's value for a source figure typed by the assessor; null when the figure is not a number in range */
  convert(indicatorId: number, source: string): string | null;
}

function Conversion({
  indicator,
  s,
  convert,
}: {
  indicator: ExternalView;
  s: Strings;
  convert: ExternalIndicatorsProps["convert"];
}) {
  const c = useStyles();
  const [source, setSource] = useState("");
  const conv = indicator.conversion!;
  const value = source.trim() ? convert(indicator.id, source) : null;
  const message = source.trim()
    ? value !== null
      ? s.externalResult(indicator.code, value)
      : s.externalBadInput(conv.scale)
    : `${indicator.code} = ${conv.formula}`;
  return (
    <Field
      className={c.field}
      label={s.externalConvert(indicator.code, `${conv.from} (${conv.scale})`)}
      size="small"
      validationState={source.trim() && value === null ? "error" : "none"}
      validationMessage={message}
    >
      <Input size="small" inputMode="decimal" value={source} onChange={(_, d) => setSource(d.value)} />
    </Field>
  );
}

export function ExternalIndicators({ indicators, s, convert }: ExternalIndicatorsProps) {
  const c = useStyles();
  const shared = useSharedStyles();
  return (
    <>
      <p className={shared.muted}>{s.externalIntro}</p>
      <ul className={shared.list}>
        {indicators.map((i) => (
          <li key={i.id} className={c.item}>
            <span className={shared.indicatorCode}>{i.code}</span>
            {i.name} <span className={c.from}>— {i.from}</span>
            {i.conversion && <Conversion indicator={i} s={s} convert={convert} />}
          </li>
        ))}
      </ul>
    </>
  );
}
