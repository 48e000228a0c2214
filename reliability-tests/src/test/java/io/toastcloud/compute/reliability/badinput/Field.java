package io.toastcloud.compute.reliability.badinput;

import java.util.ArrayList;
import java.util.List;

/**
 * A place in a request body: a list of property names and array indexes. Printed the way the
 * client names fields in its violations ({@code instance.networks[0].id}).
 */
record Field(List<Object> segments) {
    static final Field ROOT = new Field(List.of());

    Field child(String name) {
        List<Object> next = new ArrayList<>(segments);
        next.add(name);
        return new Field(List.copyOf(next));
    }

    Field index(int i) {
        List<Object> next = new ArrayList<>(segments);
        next.add(i);
        return new Field(List.copyOf(next));
    }

    Field parent() {
        return new Field(segments.subList(0, segments.size() - 1));
    }

    String name() {
        return String.valueOf(segments.get(segments.size() - 1));
    }

    boolean isRoot() {
        return segments.isEmpty();
    }

    /** The JSON pointer of this place ({@code /instance/networks/0/id}). */
    String pointer() {
        StringBuilder p = new StringBuilder();
        segments.forEach(s -> p.append('/').append(s));
        return p.toString();
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (Object s : segments) {
            if (s instanceof Integer i) {
                out.append('[').append(i).append(']');
            } else {
                out.append(out.length() == 0 ? "" : ".").append(s);
            }
        }
        return out.length() == 0 ? "(body)" : out.toString();
    }
}
