/** Fluent's dark theme, a chunk of its own: the pane fetches it before its first render only when Office is dark. */
export { webDarkTheme } from "@fluentui/react-components";
