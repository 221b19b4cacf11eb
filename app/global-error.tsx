'use client';

/** Last resort when even the layout fails (no catalogues available here): both languages, side by side. */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body>
        <main style={{ padding: '2rem', fontFamily: 'system-ui, sans-serif', maxWidth: '60ch' }}>
          <h1>Something went wrong</h1>
          <p>We could not show this page right now. Please try again in a moment.</p>
          <p lang="da">Der opstod en fejl. Prøv igen om lidt.</p>
          <button type="button" onClick={() => reset()}>
            Try again / Prøv igen
          </button>
        </main>
      </body>
    </html>
  );
}
