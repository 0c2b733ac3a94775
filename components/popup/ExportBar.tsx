/**
 * Export this article's statements: copy as Markdown, download as CSV or JSON.
 * The text comes from lib/export.ts; this view only offers the three actions.
 */

interface Props {
  count: number;
  onCopyMarkdown(): void;
  onDownloadCsv(): void;
  onDownloadJson(): void;
}

export function ExportBar({ count, onCopyMarkdown, onDownloadCsv, onDownloadJson }: Props) {
  const what = `${count} ${count === 1 ? 'statement' : 'statements'}`;
  return (
    <section class="ql-export" aria-labelledby="ql-export-title">
      <h2 id="ql-export-title" class="ql-section-title">
        Export
      </h2>
      <div class="ql-export-buttons">
        <button
          type="button"
          class="ql-button"
          aria-label={`Copy ${what} as Markdown`}
          onClick={onCopyMarkdown}
        >
          Copy Markdown
        </button>
        <button
          type="button"
          class="ql-button"
          aria-label={`Download ${what} as CSV`}
          onClick={onDownloadCsv}
        >
          CSV
        </button>
        <button
          type="button"
          class="ql-button"
          aria-label={`Download ${what} as JSON`}
          onClick={onDownloadJson}
        >
          JSON
        </button>
      </div>
    </section>
  );
}
