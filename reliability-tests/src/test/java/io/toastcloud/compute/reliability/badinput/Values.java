package io.toastcloud.compute.reliability.badinput;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * Field values for the property tests: mostly valid, with a steady share of the invalid kinds a
 * caller really produces (empty, too long, a stray character, a trailing newline, out of range,
 * a malformed address) and the edges of every range.
 */
final class Values {
    private Values() {
    }

    /** Mostly {@code valid}, sometimes one of {@code invalid}, sometimes null. */
    static <T> Arbitrary<T> mostly(Arbitrary<T> valid, Arbitrary<T> invalid) {
        List<Tuple2<Integer, Arbitrary<T>>> choices = List.of(Tuple.of(85, valid), Tuple.of(10, invalid),
                Tuple.of(5, Arbitraries.<T>just(null)));
        return Arbitraries.frequencyOf(choices);
    }

    /** Null (an optional field left out) {@code nullPercent} of the time, else a value of {@code values}. */
    static <T> Arbitrary<T> optional(int nullPercent, Arbitrary<T> values) {
        List<Tuple2<Integer, Arbitrary<T>>> choices = List.of(Tuple.of(nullPercent, Arbitraries.<T>just(null)),
                Tuple.of(100 - nullPercent, values));
        return Arbitraries.frequencyOf(choices);
    }

    /** A plain non-empty id. */
    static Arbitrary<String> id() {
        return mostly(Arbitraries.strings().alpha().numeric().withChars('-').ofMinLength(1).ofMaxLength(12),
                Arbitraries.of(""));
    }

    /** Any text, including empty and unusual characters (descriptions, volume types). */
    static Arbitrary<String> anyText() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(16), Arbitraries.of("", "한글", "tab\there", "x\n"));
    }

    /** Instance names: ^[A-Za-z0-9.-]+$, 1 to 20 characters. */
    static Arbitrary<String> instanceName() {
        Arbitrary<String> valid = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z')
                .withCharRange('0', '9').withChars('.', '-').ofMinLength(1).ofMaxLength(20);
        Arbitrary<String> invalid = Arbitraries.oneOf(
                Arbitraries.of("", "web_01", "web 01", "웹서버", "web01\n", "\nweb01", "web01!"),
                Arbitraries.strings().alpha().ofMinLength(21).ofMaxLength(30));
        return mostly(valid, invalid);
    }

    /** Sizes in GB: 10 to 1000 in steps of 10 are valid. */
    static Arbitrary<Integer> diskSize() {
        return mostly(Arbitraries.integers().between(1, 100).map(i -> i * 10),
                Arbitraries.oneOf(Arbitraries.of(-10, 0, 5, 9, 15, 1001, 1005, 1010, 2000, Integer.MAX_VALUE),
                        Arbitraries.integers().between(-100, 1100)));
    }

    static Arbitrary<Integer> count() {
        return mostly(Arbitraries.integers().between(1, 10), Arbitraries.of(-1, 0, 11, 100));
    }

    static Arbitrary<Integer> port() {
        return mostly(Arbitraries.oneOf(Arbitraries.integers().between(1, 65535), Arbitraries.of(1, 22, 80, 443, 65535)),
                Arbitraries.of(-1, 0, 65536, 70000, Integer.MIN_VALUE));
    }

    /** IPv4 addresses, and the near misses a person types. */
    static Arbitrary<String> ipv4() {
        Arbitrary<Integer> octet = Arbitraries.integers().between(0, 255);
        Arbitrary<String> valid = net.jqwik.api.Combinators.combine(octet, octet, octet, octet)
                .as((a, b, c, d) -> a + "." + b + "." + c + "." + d);
        Arbitrary<String> invalid = Arbitraries.of("256.1.1.1", "1.2.3", "1.2.3.4.5", "a.b.c.d", "", " 1.2.3.4",
                "1.2.3.4 ", "1.2.3.4/32", "::1", "1..2.3", "-1.2.3.4", "1.2.3.999");
        return mostly(valid, invalid);
    }

    /** CIDR prefixes (v4 and v6), and malformed ones. */
    static Arbitrary<String> cidr() {
        Arbitrary<Integer> octet = Arbitraries.integers().between(0, 255);
        Arbitrary<String> v4 = net.jqwik.api.Combinators.combine(octet, octet, octet, octet, Arbitraries.integers().between(0, 32))
                .as((a, b, c, d, m) -> a + "." + b + "." + c + "." + d + "/" + m);
        Arbitrary<String> valid = Arbitraries.oneOf(v4, Arbitraries.of("0.0.0.0/0", "10.0.0.0/8", "::/0", "2001:db8::/32",
                "fe80::1/128", "192.168.0.1"));
        Arbitrary<String> invalid = Arbitraries.of("10.0.0.0/33", "10.0.0/8", "10.0.0.0/", "any", "", "2001:db8::/129",
                "1.2.3.4/8/8", "10.0.0.0 /8", "10.0.0.0/8\n");
        return mostly(valid, invalid);
    }
}
