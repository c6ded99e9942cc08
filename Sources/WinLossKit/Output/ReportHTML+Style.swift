extension ReportHTML {
    /// Light on screen, black on white in print; no rule needs a background to carry meaning. Kept free of `<`,
    /// `>` and `&` so that the file stays well-formed XML as well.
    static let styleSheet = #"""
        :root {
          color-scheme: light;
          --ink: #1f2328; --muted: #57606a; --rule: #d0d7de; --paper: #ffffff; --tint: #f6f8fa;
          --win: #2e7d32; --loss: #c62828; --nodecision: #f9a825;
          --win-text: #1b5e20; --loss-text: #b71c1c; --nodecision-text: #8a5300; --accent: #1f4e79;
        }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
        body {
          margin: 0; color: var(--ink); background: var(--paper); font-size: 16px; line-height: 1.5;
          font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans",
            "Liberation Sans", sans-serif;
        }
        main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
        h1 { font-size: 1.8rem; line-height: 1.2; margin: 0 0 0.5rem; }
        h2 { font-size: 1.35rem; line-height: 1.3; margin: 2.5rem 0 0.75rem; padding-bottom: 0.25rem;
          border-bottom: 2px solid var(--rule); }
        h3 { font-size: 1.1rem; line-height: 1.3; margin: 1.75rem 0 0.5rem; }
        h4, h5, h6 { font-size: 1rem; margin: 1.25rem 0 0.5rem; }
        p { margin: 0.5rem 0; max-width: 48rem; }
        .note { font-size: 0.85rem; color: var(--muted); }
        code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
          font-size: 0.9em; background: var(--tint); padding: 0 0.2em; border-radius: 3px; }
        .table-wrap { overflow-x: auto; margin: 0.75rem 0; }
        table { border-collapse: collapse; width: 100%; font-size: 0.9rem; font-variant-numeric: tabular-nums; }
        th, td { padding: 0.3rem 0.6rem; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
        thead th { font-weight: 600; vertical-align: bottom; border-bottom: 2px solid var(--ink); }
        tbody th { font-weight: normal; }
        tbody tr:hover { background: var(--tint); }
        .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        .strong { font-weight: 600; }
        .dim { color: var(--muted); }
        .win { color: var(--win-text); font-weight: 600; }
        .loss { color: var(--loss-text); font-weight: 600; }
        .nodecision { color: var(--nodecision-text); font-weight: 600; }
        .accent { color: var(--accent); }
        .chart { margin: 1rem 0 1.75rem; }
        .chart svg { display: block; width: 100%; max-width: 45rem; height: auto; font-family: inherit; }
        .chart figcaption { font-size: 0.85rem; color: var(--muted); margin-top: 0.25rem; }
        .quote { margin: 1rem 0; padding: 0.6rem 1rem; border-left: 4px solid var(--rule); background: var(--tint); }
        .quote-win { border-left-color: var(--win); }
        .quote-loss { border-left-color: var(--loss); border-left-style: double; border-left-width: 6px; }
        .quote-nodecision { border-left-color: var(--nodecision); border-left-style: dashed; }
        .quote blockquote { margin: 0; }
        .quote blockquote p { margin: 0; font-size: 1.05rem; white-space: pre-line; max-width: none; }
        .quote blockquote p::before { content: "\201C"; }
        .quote blockquote p::after { content: "\201D"; }
        .quote figcaption { margin-top: 0.35rem; font-size: 0.85rem; color: var(--muted); }
        .quote cite { font-style: normal; }
        svg { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
        @page { margin: 15mm 12mm; }
        @media print {
          body { font-size: 10pt; }
          main { max-width: none; padding: 0; }
          h2 { margin-top: 1.5rem; }
          h1, h2, h3, h4, h5, h6 { break-after: avoid; page-break-after: avoid; }
          table, tr, figure, .chart, .quote { break-inside: avoid; page-break-inside: avoid; }
          thead { display: table-header-group; }
          table { font-size: 8.5pt; }
          th, td { padding: 0.15rem 0.35rem; }
          tbody tr:hover { background: none; }
          .table-wrap { overflow: visible; }
          .chart svg { max-width: 100%; }
          .quote, code { background: none; }
          p, blockquote { orphans: 3; widows: 3; }
        }

        """#
}
