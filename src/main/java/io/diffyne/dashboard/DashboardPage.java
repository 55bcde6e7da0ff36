package io.diffyne.dashboard;

/** The dashboard's page around its components: a grid readable on a laptop screen, light and dark. */
final class DashboardPage {

    private static final String STYLE = """
            :root{color-scheme:light dark;--fg:#1d2330;--muted:#667085;--bg:#f6f7f9;--card:#fff;--line:#d0d5dd;\
            --accent:#2563eb;--bad:#dc2626;--ok:#16a34a}
            @media (prefers-color-scheme:dark){:root{--fg:#e6e8ec;--muted:#98a2b3;--bg:#111418;--card:#1a1f26;\
            --line:#344054;--accent:#60a5fa;--bad:#f87171;--ok:#4ade80}}
            *{box-sizing:border-box}body{margin:0;font:14px/1.4 system-ui,sans-serif;color:var(--fg);background:var(--bg)}
            header{display:flex;align-items:baseline;gap:1rem;padding:.8rem 1.2rem;border-bottom:1px solid var(--line)}
            header h1{font-size:1.1rem;margin:0}header span{color:var(--muted)}
            main{display:grid;gap:1rem;padding:1rem 1.2rem;max-width:1400px}
            section{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:.8rem 1rem}
            h2{font-size:.95rem;margin:0 0 .6rem}
            .tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(190px,1fr));gap:.7rem}
            .tile{border:1px solid var(--line);border-radius:6px;padding:.5rem .6rem}
            .tile .label{color:var(--muted);font-size:.8rem}.tile .value{font-size:1.35rem;font-variant-numeric:tabular-nums}
            .tile svg{display:block;width:100%;height:36px;margin-top:.2rem}
            .tile path{fill:none;stroke:var(--accent);stroke-width:1.5}
            table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
            th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid var(--line)}th{color:var(--muted);font-weight:500}
            td.n,th.n{text-align:right}.up{color:var(--ok)}.down{color:var(--bad)}.muted{color:var(--muted)}
            .cols{display:grid;grid-template-columns:2fr 1fr;gap:1rem}
            @media (max-width:900px){.cols{grid-template-columns:1fr}}
            """;

    private DashboardPage() {
    }

    static String html(String instances, String figures, String components, String scripts) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\"><title>Diffyne operations</title><style>" + STYLE
                + "</style></head><body><header><h1>Diffyne operations</h1>"
                + "<span>this instance's figures, every 2 s; charts: the last 15 minutes in 10-second steps</span>"
                + "</header><main>" + instances + figures + components + "</main>" + scripts + "</body></html>";
    }
}
