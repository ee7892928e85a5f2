/**
 * Office errors become HostErrors the assessor can act on, in Indonesian and English.
 * Office.js batches are not transactions: when a round trip fails half-way, what ran
 * before the failure stays. The apply messages say so, and that applying again (which
 * always gives the same workbook) finishes the job.
 */
import { bi } from "../core/messages";
import { HostError } from "./workbookHost";

export type HostStep = "read" | "apply" | "select" | "watch" | "calculate";

export function officeErrorCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/**
 * A batch refused because a person is editing a cell. Excel reports it as
 * InvalidOperationInCellEditMode ("Excel is in cell-editing mode. Please exit the edit
 * mode by pressing ENTER or TAB or selecting another cell, and then try again."); some
 * builds report the general InvalidOperation with that same sentence, so that code
 * counts when its message speaks of cell editing.
 */
export function isCellEditError(e: unknown): boolean {
  const code = officeErrorCode(e);
  if (code === "InvalidOperationInCellEditMode") return true;
  const message = (e as { message?: unknown } | null)?.message;
  return code === "InvalidOperation" && typeof message === "string" && /cell[- ]?edit|edit mode/i.test(message);
}

/** Excel on the web refuses a request or an answer over 5 MB. */
export function isPayloadError(e: unknown): boolean {
  const code = officeErrorCode(e);
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}

export function toHostError(e: unknown, step: HostStep): HostError {
  if (e instanceof HostError) return e;
  const code = officeErrorCode(e) ?? "";
  const detail = code || (e instanceof Error ? e.message : String(e));
  if (isCellEditError(e)) {
    return new HostError(
      "edit-mode",
      bi(
        "Excel sedang menyunting sebuah sel. Tekan Enter atau Esc untuk keluar dari sel itu, lalu coba lagi." +
          (step === "apply" ? " Belum ada yang ditulis." : ""),
        "Excel is editing a cell. Press Enter or Esc to leave that cell, then try again." +
          (step === "apply" ? " Nothing was written yet." : ""),
      ),
    );
  }
  if (code === "AccessDenied") {
    return new HostError(
      "protected",
      bi(
        "Excel menolak perubahan karena lembar atau buku kerja diproteksi. Buka proteksinya (Tinjau › Buka Proteksi Lembar), lalu klik Terapkan lagi; hasilnya sama seperti sekali terapkan.",
        "Excel refused the change because a sheet or the workbook is protected. Unprotect it (Review › Unprotect Sheet), then click Apply again; the result is the same as applying once.",
      ),
    );
  }
  if (isPayloadError(e)) {
    return new HostError(
      "too-large",
      bi(
        step === "apply"
          ? "Perubahan terlalu besar untuk dikirim ke Excel sekaligus (batas 5 MB Excel untuk web). Sebagian mungkin sudah tertulis. Klik Terapkan lagi; jika masih gagal, pakai Excel desktop atau perintah spbe-index."
          : "Buku kerja terlalu besar untuk dibaca sekaligus (batas 5 MB Excel untuk web). Klik Muat ulang: panel akan membacanya dalam beberapa bagian. Jika masih gagal, hapus baris atau kolom kosong berformat di bawah atau di samping tabel, atau pakai perintah spbe-index.",
        step === "apply"
          ? "The changes are too large to send to Excel at once (Excel on the web's 5 MB limit). Some may already be written. Click Apply again; if it still fails, use desktop Excel or the spbe-index command."
          : "The workbook is too large to read at once (Excel on the web's 5 MB limit). Click Refresh: the pane will read it in several parts. If it still fails, delete formatted empty rows or columns below or beside the table, or use the spbe-index command.",
      ),
    );
  }
  if (code === "ApiNotFound") {
    return new HostError(
      "unsupported",
      bi(
        `Versi Excel ini tidak mendukung langkah ini (${detail}). Perbarui Office, atau gunakan Excel untuk web.`,
        `This version of Excel does not support this step (${detail}). Update Office, or use Excel on the web.`,
      ),
    );
  }
  switch (step) {
    case "read":
      return new HostError(
        "sync-failed",
        bi(
          `Buku kerja tidak dapat dibaca (${detail}). Klik Muat ulang; jika masih gagal, tutup panel lalu buka lagi.`,
          `The workbook could not be read (${detail}). Click Refresh; if it still fails, close the pane and open it again.`,
        ),
      );
    case "apply":
      return new HostError(
        "sync-failed",
        bi(
          `Excel menolak perubahan (${detail}). Sebagian mungkin sudah tertulis; klik Terapkan lagi untuk menuntaskannya — hasilnya sama seperti sekali terapkan. Jika masih gagal, simpan buku kerja, buka lagi, dan coba sekali lagi.`,
          `Excel refused the changes (${detail}). Some may already be written; click Apply again to finish — the result is the same as applying once. If it still fails, save the workbook, reopen it and try once more.`,
        ),
      );
    case "select":
      return new HostError(
        "sync-failed",
        bi(
          `Sel tidak dapat dipilih (${detail}). Pilih sel itu sendiri di lembar, atau klik Muat ulang bila lembarnya sudah diganti nama.`,
          `The cell could not be selected (${detail}). Select it yourself on the sheet, or click Refresh if the sheet was renamed.`,
        ),
      );
    case "calculate":
      return new HostError(
        "sync-failed",
        bi(
          `Excel tidak dapat menghitung ulang (${detail}). Tekan F9 di buku kerja.`,
          `Excel could not recalculate (${detail}). Press F9 in the workbook.`,
        ),
      );
    case "watch":
      return new HostError(
        "sync-failed",
        bi(
          `Panel tidak dapat memantau perubahan nilai (${detail}). Setelah mengubah nilai, klik Muat ulang.`,
          `The pane cannot watch for level changes (${detail}). After changing a level, click Refresh.`,
        ),
      );
  }
}
