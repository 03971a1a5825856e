package org.tregflow.report;

/** The report's stylesheet, inline so the page is one file; system fonts only (no web font is fetched). */
final class ReportStyle {
    private ReportStyle() {
    }

    static final String CSS = """
            :root { --ink:#1F2328; --muted:#656D76; --line:#D8DEE4; --bg:#F6F8FA; --good:#1A7F37; --bad:#B42318;
              --warn:#9A6700; }
            * { box-sizing: border-box; }
            body { margin:0; background:#fff; color:var(--ink);
              font: 15px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial,
                "Noto Sans", "DejaVu Sans", sans-serif; }
            main { max-width: 1180px; margin: 0 auto; padding: 32px 28px 48px; }
            header { border-bottom: 1px solid var(--line); padding-bottom: 16px; margin-bottom: 8px; }
            .kicker { margin:0; color:var(--muted); font-size:13px; letter-spacing:.04em; text-transform:uppercase; }
            h1 { margin: 4px 0 6px; font-size: 30px; line-height:1.2; }
            h2 { margin: 36px 0 12px; font-size: 22px; border-bottom: 1px solid var(--line); padding-bottom: 6px; }
            h3 { margin: 22px 0 8px; font-size: 16px; }
            .meta, .muted, figcaption, footer { color: var(--muted); }
            .meta { margin: 0; font-size: 14px; }
            code { font: 13px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace; }
            .lead { font-size: 16px; }
            .cards { display:grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 12px; }
            .card { border:1px solid var(--line); border-radius:10px; padding:12px 16px; background:var(--bg); }
            .card .label { color:var(--muted); font-size:13px; }
            .card .value { font-size:28px; font-weight:650; }
            .card .value small { font-size:14px; font-weight:400; color:var(--muted); }
            .card.good .value { color: var(--good); }
            .card.bad .value { color: var(--bad); }
            .callout { margin-top:14px; border-radius:10px; padding:4px 16px; border:1px solid; }
            .callout.bad { border-color:#F1B5AE; background:#FEF3F2; }
            .callout.warn { border-color:#EBD48C; background:#FFF8E5; }
            .callout h3 { margin: 10px 0 4px; }
            figure { margin: 8px 0 16px; }
            figcaption { font-size: 13px; }
            svg.chart { max-width: 100%; height: auto; display:block; }
            svg text { font-family: inherit; fill: var(--ink); }
            svg .tick { font-size: 11px; fill: var(--muted); }
            svg .axis { font-size: 12px; fill: var(--ink); }
            svg .legend { font-size: 12px; }
            svg .chart-title { font-size: 14px; font-weight: 650; }
            svg .threshold { font-size: 12px; fill: #B42318; font-weight: 600; }
            svg .mark { font-size: 12px; fill: var(--good); font-weight: 700; }
            svg .value { font-size: 12px; fill: var(--muted); }
            svg .empty { font-size: 14px; fill: var(--muted); }
            .grid { display:grid; grid-template-columns: repeat(auto-fill, minmax(360px, 1fr)); gap: 8px 16px; }
            .scroll { overflow-x: auto; }
            table { border-collapse: collapse; width: 100%; font-size: 14px; }
            th, td { text-align:left; padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
            th { font-weight: 600; background: var(--bg); }
            table.compact td, table.compact th { padding: 4px 8px; font-size: 13px; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
            tr.failed td { background: #FEF3F2; }
            td.note { color: var(--muted); font-size: 13px; max-width: 360px; }
            .chip { display:inline-block; width:10px; height:10px; border-radius:2px; margin-right:6px; }
            .badge { display:inline-block; padding:1px 8px; border-radius:999px; font-size:12px; font-weight:600;
              background:#EAEEF2; color:var(--muted); }
            .badge.good { background:#DAFBE1; color:var(--good); }
            .badge.bad { background:#FFEBE9; color:var(--bad); }
            .badge.warn { background:#FFF8C5; color:var(--warn); }
            a { color: #0969DA; }
            details { margin: 10px 0 4px; } summary { cursor: pointer; color: var(--muted); font-size: 14px; }
            p.tables { font-size: 14px; margin: 12px 0 0; }
            ul.tests { margin: 8px 0 0; padding-left: 20px; font-size: 14px; }
            footer { margin-top: 40px; font-size: 13px; border-top:1px solid var(--line); padding-top: 12px; }
            @media print { main { max-width:none; padding: 0; } h2 { break-after: avoid; } figure { break-inside: avoid; } }
            """;
}
