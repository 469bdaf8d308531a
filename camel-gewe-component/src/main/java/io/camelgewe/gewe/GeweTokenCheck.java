package io.camelgewe.gewe;

import java.util.regex.Pattern;

/**
 * Recognises a token that is the text of a property placeholder the runtime did not replace, which GeWe would only
 * answer with "token invalid", or, for what Spring makes of {@code ${env:GEWE_TOKEN}} (the property {@code env} with
 * the default {@code GEWE_TOKEN}), not at all in a way that says why. The token itself is never part of the answer.
 */
final class GeweTokenCheck {

    /** What to write instead, per runtime (README, "Going live"). */
    static final String HOW = "take it from the environment with {{env:GEWE_TOKEN}} under Camel Main and in YAML, "
                              + "${GEWE_TOKEN} in Spring XML (with a property placeholder configurer); see the "
                              + "README's \"Going live\"";

    /** An environment variable's name: upper case, digits and underscores, at least one underscore (GEWE_TOKEN). */
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)+");

    private GeweTokenCheck() {
    }

    /**
     * @return what the token looks like, to complete "the GeWe token ...", or null when it may be a real one
     */
    static String unresolvedPlaceholder(String token) {
        String t = token.trim();
        if (t.contains("${") && t.contains("}")) {
            return "is an unresolved ${...} placeholder";
        }
        if (t.contains("{{") && t.contains("}}")) {
            return "is an unresolved {{...}} placeholder";
        }
        if (VARIABLE_NAME.matcher(t).matches()) {
            return "is the name of an environment variable (what Spring reads ${env:GEWE_TOKEN} as)";
        }
        return null;
    }
}
