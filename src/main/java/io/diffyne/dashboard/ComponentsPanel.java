package io.diffyne.dashboard;

import io.diffyne.component.Computed;
import io.diffyne.component.DiffyneComponent;
import io.diffyne.metrics.ComponentSnapshot;
import io.diffyne.metrics.Metrics;
import io.diffyne.metrics.MetricsSnapshot;

import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The dashboard's tables: actions and latency per component type, errors by type, refusals by reason. */
@DiffyneComponent(ComponentsPanel.NAME)
public class ComponentsPanel extends OpsPanel {

    static final String NAME = "diffyne-ops/components";

    @Inject
    Metrics metrics;

    @Computed
    public Map<String, Object> getTables() {
        MetricsSnapshot s = metrics.snapshot();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ComponentSnapshot c : s.components()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", c.component());
            row.put("actions", c.actions());
            row.put("errors", c.errors());
            row.put("p50", Format.micros(c.p50Micros()));
            row.put("p99", Format.micros(c.p99Micros()));
            row.put("recent", c.recentActions() == 0 ? "–"
                    : c.recentActions() + " · " + Format.micros(c.recentP50Micros()) + " / "
                    + Format.micros(c.recentP99Micros()));
            rows.add(row);
        }
        Map<String, Object> tables = new LinkedHashMap<>();
        tables.put("components", rows);
        tables.put("errors", s.errors());
        tables.put("refused", s.handshakesRefused());
        return tables;
    }
}
