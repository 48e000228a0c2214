package io.toastcloud.compute.benchmarks.persistence;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * SQLite in WAL mode with {@code synchronous=FULL} (each commit forces the WAL: durable on a
 * crash, as the emulator must be); a write is one {@code INSERT OR REPLACE} in autocommit.
 */
final class SqliteContender implements StoreContender {
    private Connection connection;
    private PreparedStatement upsert;

    @Override
    public void open(Path dir, int records) throws SQLException {
        connection = connect(dir);
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE keypairs (id TEXT PRIMARY KEY, json TEXT NOT NULL)");
        }
        upsert = connection.prepareStatement("INSERT OR REPLACE INTO keypairs (id, json) VALUES (?, ?)");
        connection.setAutoCommit(false);
        for (int i = 0; i < records; i++) {
            upsert.setString(1, "key-" + i);
            upsert.setString(2, StoreContender.record(i, 0));
            upsert.executeUpdate();
        }
        connection.commit();
        connection.setAutoCommit(true);
    }

    private static Connection connect(Path dir) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("state.db"));
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
        }
        return c;
    }

    @Override
    public void write(int index, int version) throws SQLException {
        upsert.setString(1, "key-" + index);
        upsert.setString(2, StoreContender.record(index, version));
        upsert.executeUpdate();
    }

    @Override
    public String readAfterReopen(Path dir, int index) throws SQLException {
        close();
        try (Connection c = connect(dir); PreparedStatement q = c.prepareStatement("SELECT json FROM keypairs WHERE id = ?")) {
            q.setString(1, "key-" + index);
            try (ResultSet r = q.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    @Override
    public void close() {
        try {
            if (connection != null) {
                connection.close();
                connection = null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("closing SQLite", e);
        }
    }
}
