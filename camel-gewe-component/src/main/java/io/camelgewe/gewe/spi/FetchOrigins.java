package io.camelgewe.gewe.spi;

import java.util.Arrays;
import java.util.List;

/**
 * Where the files of fetched downloads may come from, beyond the base URL's host and the hosts GeWe documents for its
 * downloads: an endpoint's {@code downloadBaseUrl} and {@code downloadHosts}.
 *
 * @param downloadBaseUrl what a relative fileUrl is resolved against (its host and port are allowed too); null for the
 *                        base URL's scheme, host and port
 * @param downloadHosts   more hosts files may be fetched from: {@code host} (the scheme's default port),
 *                        {@code host:port}, or {@code *.domain} for every host under the domain
 */
public record FetchOrigins(String downloadBaseUrl, List<String> downloadHosts) {

    /** The base URL's host and GeWe's download hosts only. */
    public static final FetchOrigins DEFAULT = new FetchOrigins(null, List.of());

    /** Copies the list, so that the record stays as it was built. */
    public FetchOrigins {
        downloadHosts = downloadHosts == null ? List.of() : List.copyOf(downloadHosts);
    }

    /**
     * The origins of an endpoint's options.
     *
     * @param downloadBaseUrl the downloadBaseUrl option, or null
     * @param downloadHosts   the downloadHosts option: entries separated by commas (blanks ignored), or null
     */
    public static FetchOrigins of(String downloadBaseUrl, String downloadHosts) {
        List<String> hosts = downloadHosts == null ? List.of()
                : Arrays.stream(downloadHosts.split(",")).map(String::strip).filter(h -> !h.isEmpty()).toList();
        return new FetchOrigins(downloadBaseUrl == null || downloadBaseUrl.isBlank() ? null : downloadBaseUrl.strip(),
                hosts);
    }
}
