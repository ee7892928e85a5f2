/**
 * The pane's English words, at hand from the start as if their chunk had been fetched
 * (index.tsx fetches it before the first render when Office runs in English). Imported by
 * the tests that read the pane in English; the tests of the fetch itself leave it out.
 */
import { addEnglish } from "../../../src/taskpane/i18n";
import { en } from "../../../src/taskpane/i18n.en";

addEnglish(en);
