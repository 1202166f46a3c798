"use client";

import { useState, type FormEvent } from "react";

// Sends the chosen file as the request body to POST /api/admin/import, exactly as a script would.
// XMLHttpRequest rather than fetch: only it reports upload progress for the progress bar.

interface ImportAnswer {
  dryRun?: boolean;
  created?: number;
  updated?: number;
  unchanged?: number;
  error?: string;
  errors?: { row: number; column: string | null; message: string }[];
}

export function AdminImportForm() {
  const [progress, setProgress] = useState<number | null>(null);
  const [answer, setAnswer] = useState<ImportAnswer | null>(null);

  function onSubmit(submitted: FormEvent<HTMLFormElement>) {
    submitted.preventDefault();
    const form = new FormData(submitted.currentTarget);
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) {
      setAnswer({ error: "Choose a CSV or JSON file first." });
      return;
    }
    const type = file.name.toLowerCase().endsWith(".json") ? "application/json" : "text/csv";
    const request = new XMLHttpRequest();
    request.open("POST", `/api/admin/import${form.get("dryRun") ? "?dryRun=true" : ""}`);
    request.setRequestHeader("Content-Type", type);
    request.upload.onprogress = (progressEvent) => {
      if (progressEvent.lengthComputable) setProgress(progressEvent.loaded / progressEvent.total);
    };
    request.onload = () => {
      setProgress(null);
      try {
        setAnswer(JSON.parse(request.responseText) as ImportAnswer);
      } catch {
        setAnswer({ error: `The server answered ${request.status}.` });
      }
    };
    request.onerror = () => {
      setProgress(null);
      setAnswer({ error: "The file could not be sent. Check the connection and try again." });
    };
    setAnswer(null);
    setProgress(0);
    request.send(file);
  }

  return (
    <section aria-labelledby="import-heading">
      <h2 id="import-heading">Import the programme</h2>
      <p className="muted">
        CSV (header <code>slug,title,start,end,venue,category,status</code> and optional columns) or JSON. Rows update the event with the
        same slug or create it. One bad row and nothing is imported.
      </p>
      <form onSubmit={onSubmit}>
        <p>
          <label>
            File <input type="file" name="file" accept=".csv,.json,text/csv,application/json" />
          </label>{" "}
          <label>
            <input type="checkbox" name="dryRun" defaultChecked /> Dry run (report only)
          </label>{" "}
          <button type="submit" disabled={progress !== null}>
            Import
          </button>
        </p>
        {progress !== null ? (
          <p>
            <progress value={progress} max={1} aria-label="Upload progress" /> {progress < 1 ? `${Math.round(progress * 100)}% sent` : "Checking and importing…"}
          </p>
        ) : null}
      </form>
      {answer ? (
        <div role="status">
          {answer.error ? <p className="error-text">{answer.error}</p> : null}
          {answer.errors?.length ? (
            <ul>
              {answer.errors.slice(0, 200).map((problem, index) => (
                <li key={index}>
                  Row {problem.row}
                  {problem.column ? `, ${problem.column}` : ""}: {problem.message}
                </li>
              ))}
            </ul>
          ) : null}
          {answer.created !== undefined ? (
            <p>
              {answer.dryRun ? "Dry run: would create" : "Created"} {answer.created}, {answer.dryRun ? "update" : "updated"} {answer.updated}, {answer.unchanged} unchanged.
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
