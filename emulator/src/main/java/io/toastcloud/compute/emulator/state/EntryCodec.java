package io.toastcloud.compute.emulator.state;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The bytes of one journal entry. Binary framing, so that no appkey, id or value needs escaping
 * and none has a length limit; each record itself is JSON (its fields by name), so that a field
 * added later reads as its default.
 *
 * <pre>
 * changes: 1, appkey, stepSeq (long), count (int), then per record: kind, id, 1 + JSON | 0 (gone)
 * reset:   2, appkey
 * </pre>
 * where a string is its length (int) and its UTF-16 code units, a JSON its length (int) and bytes.
 */
final class EntryCodec {
    static final byte CHANGES = 1;
    static final byte RESET = 2;

    /** One record as saved: its JSON, or null when it is gone. */
    record Change(String kind, String id, byte[] json) {
    }

    /** A decoded entry. */
    record Entry(byte type, String appkey, long stepSeq, List<Change> changes) {
    }

    private EntryCodec() {
    }

    static byte[] changes(String appkey, long stepSeq, List<Change> changes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + changes.size() * 256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(CHANGES);
            string(out, appkey);
            out.writeLong(stepSeq);
            out.writeInt(changes.size());
            for (Change c : changes) {
                string(out, c.kind());
                string(out, c.id());
                if (c.json() == null) {
                    out.writeByte(0);
                } else {
                    out.writeByte(1);
                    out.writeInt(c.json().length);
                    out.write(c.json());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    static byte[] reset(String appkey) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(RESET);
            string(out, appkey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Decodes an entry that passed its checksum; a well-formed but unknown entry is refused. */
    static Entry decode(ByteBuffer in) throws IOException {
        byte type = in.get();
        String appkey = string(in);
        if (type == RESET) {
            return new Entry(type, appkey, 0, List.of());
        }
        if (type != CHANGES) {
            throw new IOException("unknown journal entry type " + type);
        }
        long stepSeq = in.getLong();
        int count = in.getInt();
        List<Change> changes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String kind = string(in);
            String id = string(in);
            byte[] json = null;
            if (in.get() == 1) {
                json = new byte[in.getInt()];
                in.get(json);
            }
            changes.add(new Change(kind, id, json));
        }
        return new Entry(type, appkey, stepSeq, changes);
    }

    /** As UTF-16 code units: exact for any Java string, a lone surrogate included (UTF-8 is not). */
    private static void string(DataOutputStream out, String s) throws IOException {
        out.writeInt(s.length());
        out.writeChars(s);
    }

    private static String string(ByteBuffer in) {
        char[] chars = new char[in.getInt()];
        in.asCharBuffer().get(chars);
        in.position(in.position() + chars.length * Character.BYTES);
        return new String(chars);
    }
}
