package io.diffyne.dashboard;

import io.diffyne.component.Computed;
import io.diffyne.component.DiffyneComponent;
import io.diffyne.health.HealthReport;

import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's first panel: this instance's health and the grid members it sees, and a row of headline figures per
 * live instance of the cluster (this one's fresh, the others' as they last published them over the bus).
 */
@DiffyneComponent(InstancesPanel.NAME)
public class InstancesPanel extends OpsPanel {

    static final String NAME = "diffyne-ops/instances";

    @Inject
    Instances instances;

    @Inject
    ClusterFigures cluster;

    @Computed
    public Map<String, Object> getHealth() {
        HealthReport r = instances.report();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("self", instances.self());
        view.put("status", r.status());
        view.put("up", r.up());
        view.put("version", r.version());
        view.put("uptime", Format.duration(r.uptimeSeconds()));
        view.put("transport", r.transport());
        view.put("bus", r.bus());
        view.put("busUp", r.busUp());
        view.put("members", r.clusterMembers());
        return view;
    }

    @Computed
    public List<Map<String, Object>> getInstances() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (InstanceBoard.Listed listed : cluster.live()) {
            InstanceFigures f = listed.figures();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("instance", f.instance());
            row.put("self", listed.self());
            row.put("heard", listed.self() ? "now" : Format.duration(listed.ageMillis() / 1000) + " ago");
            row.put("up", f.up());
            row.put("status", f.up() ? "UP" : "DOWN");
            row.put("version", f.version());
            row.put("uptime", Format.duration(f.uptimeSeconds()));
            row.put("connections", f.webSocket() + " / " + f.sse() + " / " + f.ajaxClients());
            row.put("actions", f.actions());
            row.put("rate", Format.rate(f.actionsPerSecond()));
            row.put("latency", Format.micros(f.actionP50Micros()) + " / " + Format.micros(f.actionP99Micros()));
            row.put("errors", f.errors());
            row.put("broadcasts", f.broadcasts());
            row.put("heap", Format.bytes(f.heapUsedBytes()));
            rows.add(row);
        }
        return rows;
    }
}
