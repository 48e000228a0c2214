package io.toastcloud.compute.emulator.state;

import java.util.ArrayList;
import java.util.List;

/** A resource with a status machine: its status now, and the steps still to come. */
public abstract class StatefulRecord {
    public String id;
    public String name;
    public String status;
    public long createdAt;
    public long updatedAt;
    public List<Step> pending = new ArrayList<>();

    /** Whether a planned step is still to come (the resource is between two stable statuses). */
    public boolean inTransition() {
        return !pending.isEmpty();
    }
}
