package io.toastcloud.compute.emulator.state;

import io.toastcloud.compute.model.Flavor;
import java.util.ArrayList;
import java.util.List;

/**
 * The status machines' clockwork. An action {@link #plan plans} its steps with absolute due
 * times; {@link #advance} applies, in time order, every step that has fallen due, with its side
 * effects (an instance that is gone releases its volumes and floating IPs). Steps are applied
 * when the tenant is next looked at: nothing can see the state in between, so this equals a
 * timer firing at the due time, and it needs no thread, survives a restart (due times are
 * saved) and follows an injected clock in tests.
 */
public final class Lifecycle {
    private final Catalog catalog;

    public Lifecycle(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Replaces the resource's pending steps by {@code phases}, the first one due {@code phases[0].after} from now. */
    public void plan(TenantState state, StatefulRecord resource, long now, Phase... phases) {
        resource.pending.clear();
        long at = now;
        for (Phase p : phases) {
            at += p.after().toMillis();
            resource.pending.add(new Step(at, state.stepSeq++, p.status(), p.gone()));
        }
    }

    /** Applies every step due at or before {@code now}, earliest first. */
    public void advance(TenantState state, long now) {
        while (true) {
            StatefulRecord next = null;
            Step first = null;
            for (StatefulRecord r : stateful(state)) {
                if (r.pending.isEmpty()) {
                    continue;
                }
                Step s = r.pending.get(0);
                if (s.at() <= now && (first == null || s.at() < first.at() || (s.at() == first.at() && s.seq() < first.seq()))) {
                    next = r;
                    first = s;
                }
            }
            if (next == null) {
                return;
            }
            next.pending.remove(0);
            apply(state, next, first);
        }
    }

    private static List<StatefulRecord> stateful(TenantState state) {
        List<StatefulRecord> all = new ArrayList<>(state.instances.size() + state.volumes.size() + state.images.size());
        // Untracked: this scan looks at every resource; what it changes, apply() marks.
        all.addAll(state.instances.untracked().values());
        all.addAll(state.volumes.untracked().values());
        all.addAll(state.images.untracked().values());
        return all;
    }

    private void apply(TenantState state, StatefulRecord r, Step step) {
        if (r instanceof InstanceRecord instance) {
            state.instances.mark(instance.id);
            applyInstance(state, instance, step);
        } else if (r instanceof VolumeRecord volume) {
            state.volumes.mark(volume.id);
            applyVolume(state, volume, step);
        } else if (r instanceof ImageRecord image) {
            state.images.mark(image.id);
            applyImage(state, image, step);
        }
    }

    private void applyInstance(TenantState state, InstanceRecord instance, Step step) {
        if (step.gone()) {
            removeInstance(state, instance, step.at());
            return;
        }
        instance.status = step.status();
        instance.updatedAt = step.at();
        if ("ACTIVE".equals(step.status()) && instance.launchedAt == null) {
            instance.launchedAt = step.at();
        }
        if (instance.resizeTo != null && !"RESIZING".equals(step.status())) {
            instance.flavorId = instance.resizeTo;
            Flavor flavor = catalog.flavor(instance.resizeTo).orElse(null);
            if (flavor != null && flavor.getVolumeSize() != null) {
                instance.rootSize = flavor.getVolumeSize();
            }
            instance.resizeTo = null;
            instance.resizeReturnsTo = null;
        }
    }

    /** A deleted instance lets go of everything that refers to it. */
    private static void removeInstance(TenantState state, InstanceRecord instance, long at) {
        state.instances.remove(instance.id);
        for (FloatingIpRecord ip : state.floatingIps.untracked().values()) {
            if (instance.id.equals(ip.instanceId)) {
                state.floatingIps.mark(ip.id);
                ip.instanceId = null;
                ip.fixedIpAddress = null;
                ip.portId = null;
            }
        }
        for (VolumeRecord v : state.volumes.untracked().values()) {
            if (v.attachment != null && instance.id.equals(v.attachment.instanceId())) {
                state.volumes.mark(v.id);
                v.attachment = null;
                if (List.of("in-use", "attaching", "detaching").contains(v.status)) {
                    v.status = "available";
                    v.pending.clear();
                    v.updatedAt = at;
                }
            }
        }
    }

    private static void applyVolume(TenantState state, VolumeRecord volume, Step step) {
        if (step.gone()) {
            state.volumes.remove(volume.id);
            return;
        }
        volume.status = step.status();
        volume.updatedAt = step.at();
        if ("available".equals(step.status())) {
            volume.attachment = null;
        }
    }

    private static void applyImage(TenantState state, ImageRecord image, Step step) {
        if (step.gone()) {
            state.images.remove(image.id);
            return;
        }
        image.status = step.status();
        image.updatedAt = step.at();
        if ("active".equals(step.status())) {
            image.size = image.sizeWhenActive;
        }
    }
}
