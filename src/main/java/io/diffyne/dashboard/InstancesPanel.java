package io.diffyne.dashboard;

import io.diffyne.component.Computed;
import io.diffyne.component.DiffyneComponent;
import io.diffyne.health.HealthReport;

import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.Map;

/** The dashboard's first panel: this instance's health and the cluster's members as its grid sees them. */
@DiffyneComponent(InstancesPanel.NAME)
public class InstancesPanel extends OpsPanel {

    static final String NAME = "diffyne-ops/instances";

    @Inject
    Instances instances;

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
}
