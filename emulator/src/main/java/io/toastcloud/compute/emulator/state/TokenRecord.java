package io.toastcloud.compute.emulator.state;

/** An issued token. Its id is a secret: {@link #toString()} leaves it out. */
public record TokenRecord(String id, String appkey, String username, String userId, long issuedAt, long expiresAt) {
    public boolean expiredAt(long now) {
        return now >= expiresAt;
    }

    @Override
    public String toString() {
        return "TokenRecord[appkey=" + appkey + ", username=" + username + ", expiresAt=" + expiresAt + "]";
    }
}
