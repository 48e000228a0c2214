package io.toastcloud.compute.contract;

import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import java.util.regex.Pattern;

/**
 * The contract's {@code pattern}s with the meaning OpenAPI gives them (ECMA-262), on the JDK's
 * regular expressions. The one difference that lets a bad value through: in Java, {@code $}
 * also matches just before a final line break, so {@code ^[A-Za-z0-9.-]+$} accepts
 * {@code "web01\n"}; in ECMA-262 {@code $} is the end of the input. Here an unescaped {@code $}
 * outside a character class becomes {@code \z}.
 */
final class EcmaPatterns implements RegularExpressionFactory {
    static final EcmaPatterns INSTANCE = new EcmaPatterns();

    private EcmaPatterns() {
    }

    @Override
    public RegularExpression getRegularExpression(String regex) {
        Pattern pattern = Pattern.compile(endAnchorsAtEndOfInput(regex));
        return value -> pattern.matcher(value).find();
    }

    static String endAnchorsAtEndOfInput(String regex) {
        StringBuilder out = new StringBuilder(regex.length() + 4);
        boolean escaped = false;
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '[' && !inClass) {
                inClass = true;
            } else if (c == ']' && inClass) {
                inClass = false;
            } else if (c == '$' && !inClass) {
                out.append("\\z");
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }
}
