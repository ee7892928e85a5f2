/**
 * A batch worker thread: scores the workbooks the main thread hands it, one at a time,
 * and answers each with its summary rows and, when asked, the scored workbook's bytes
 * (moved, not copied).
 */
import { parentPort } from "worker_threads";
import { fileOps } from "./nodeIo";
import { runScoreTask, ScoreTask } from "./scoreTask";
import { unreadableRow } from "./summaryRow";

const port = parentPort;
if (port) {
  port.on("message", (task: ScoreTask) => {
    runScoreTask(task, fileOps).then(
      (result) => port.postMessage(result, result.output ? [result.output.buffer as ArrayBuffer] : []),
      (e: unknown) =>
        port.postMessage({ rows: [unreadableRow(task.file, e instanceof Error ? e.message : String(e))] }),
    );
  });
}
