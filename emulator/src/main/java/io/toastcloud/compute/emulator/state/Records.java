package io.toastcloud.compute.emulator.state;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One kind of record of an appkey (its instances, its volumes...), by id, in creation order, that
 * knows which of its records a change may have touched. Operations change records in place
 * through plain fields, so nothing can tell a changed record from an unchanged one without
 * looking at it; what this map can tell is which records an operation was handed: by
 * {@code get}, {@code put}, {@code remove} or while iterating. Only those are compared with what
 * is on disk after a write, which keeps the cost of saving a change independent of how many
 * records the appkey has (unless the operation itself walks all of them). Marks are kept only
 * while {@link #track tracking}, that is inside {@link Tenant#write}.
 */
public final class Records<V> extends AbstractMap<String, V> {
    private final String kind;
    private final Class<V> type;
    private final LinkedHashMap<String, V> map = new LinkedHashMap<>();
    private final Set<String> handedOut = new LinkedHashSet<>();
    private boolean tracking;

    Records(String kind, Class<V> type) {
        this.kind = kind;
        this.type = type;
    }

    /** The name of this kind on disk (stable: renaming it orphans saved records). */
    String kind() {
        return kind;
    }

    Class<V> type() {
        return type;
    }

    /** The records without marking any: for code of this package that marks what it changes itself. */
    Map<String, V> untracked() {
        return map;
    }

    /** Notes that the record {@code id} changed (or may have), for code that reached it untracked. */
    void mark(String id) {
        if (tracking) {
            handedOut.add(id);
        }
    }

    void track(boolean on) {
        tracking = on;
        handedOut.clear();
    }

    /** The ids handed out since tracking began (each is now changed, unchanged, or gone). */
    Set<String> handedOut() {
        return handedOut;
    }

    @Override
    public V get(Object key) {
        V value = map.get(key);
        if (value != null && key instanceof String id) {
            mark(id);
        }
        return value;
    }

    @Override
    public boolean containsKey(Object key) {
        return map.containsKey(key);
    }

    @Override
    public V put(String key, V value) {
        mark(key);
        return map.put(key, value);
    }

    @Override
    public V remove(Object key) {
        V old = map.remove(key);
        if (old != null && key instanceof String id) {
            mark(id);
        }
        return old;
    }

    @Override
    public void clear() {
        if (tracking) {
            handedOut.addAll(map.keySet());
        }
        map.clear();
    }

    @Override
    public int size() {
        return map.size();
    }

    @Override
    public boolean isEmpty() {
        return map.isEmpty();
    }

    /** Every view ({@code values()}, {@code keySet()}, streams, {@code forEach}) goes through this iterator. */
    @Override
    public Set<Entry<String, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, V>> iterator() {
                Iterator<Entry<String, V>> it = map.entrySet().iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    public Entry<String, V> next() {
                        Entry<String, V> e = it.next();
                        mark(e.getKey());
                        return e;
                    }

                    @Override
                    public void remove() {
                        it.remove();
                    }
                };
            }

            @Override
            public int size() {
                return map.size();
            }
        };
    }
}
