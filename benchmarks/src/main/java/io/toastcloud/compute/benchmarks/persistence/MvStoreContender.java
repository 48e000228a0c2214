package io.toastcloud.compute.benchmarks.persistence;

import java.nio.file.Path;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/** H2's MVStore: one map of record JSON by id; a write is a put, a commit and a sync (fsync). */
final class MvStoreContender implements StoreContender {
    private MVStore store;
    private MVMap<String, String> map;

    @Override
    public void open(Path dir, int records) {
        store = open(dir);
        map = store.openMap("keypairs");
        for (int i = 0; i < records; i++) {
            map.put("key-" + i, StoreContender.record(i, 0));
        }
        store.commit();
        store.sync();
    }

    private static MVStore open(Path dir) {
        return new MVStore.Builder().fileName(dir.resolve("state.mv").toString()).autoCommitDisabled().open();
    }

    @Override
    public void write(int index, int version) {
        map.put("key-" + index, StoreContender.record(index, version));
        store.commit();
        store.sync();
    }

    @Override
    public String readAfterReopen(Path dir, int index) {
        close();
        try (MVStore reopened = open(dir)) {
            MVMap<String, String> m = reopened.openMap("keypairs");
            return m.get("key-" + index);
        }
    }

    @Override
    public void close() {
        if (store != null) {
            store.close();
            store = null;
        }
    }
}
