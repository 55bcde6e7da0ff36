package io.diffyne.dashboard;

import io.diffyne.component.Component;
import io.diffyne.component.Computed;
import io.diffyne.component.Locked;

import jakarta.inject.Inject;

/**
 * What the dashboard's panels share: the page that mounted them set {@link #until} (the access's lifetime), and a
 * panel past it, or with the dashboard switched off, renders a notice instead of figures, so a snapshot copied out
 * of an authorized page stops showing anything.
 */
public abstract class OpsPanel extends Component {

    @Locked
    public long until;

    @Inject
    DashboardAccess access;

    @Computed
    public boolean getExpired() {
        return !access.enabled() || access.now() > until;
    }
}
