package io.camelgewe.gewe.catalog;

/**
 * One request field of a GeWe operation, as the catalog describes it.
 *
 * @param name         GeWe's field name ({@code toWxid})
 * @param type         its JSON type
 * @param required     whether GeWe requires it
 * @param defaultValue GeWe's documented default, already in the field's JSON form, or null
 * @param description  GeWe's own description (Chinese, from the official page)
 * @param headerName   the Camel header that can carry it ({@code CamelGeweToWxid})
 */
public record GeweField(String name, GeweFieldType type, boolean required, Object defaultValue, String description,
                        String headerName) {

    /** The prefix of every header that carries a request field. */
    public static final String HEADER_PREFIX = "CamelGewe";

    /**
     * Whether GeWe takes an empty value for this required field, as its description says ({@code 首次登录传空}: the
     * appId of getLoginQrCode is empty on an account's first login, which makes GeWe create a device).
     */
    public boolean mayBeEmpty() {
        return description != null && description.contains("传空");
    }

    /** Builds a field, deriving its header name from the field name. */
    public static GeweField of(String name, GeweFieldType type, boolean required, Object defaultValue,
                               String description) {
        String header = HEADER_PREFIX + Character.toUpperCase(name.charAt(0)) + name.substring(1);
        return new GeweField(name, type, required, defaultValue, description, header);
    }
}
