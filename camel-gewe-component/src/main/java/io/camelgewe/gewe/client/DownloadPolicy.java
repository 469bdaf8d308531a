package io.camelgewe.gewe.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.camelgewe.gewe.spi.FetchOrigins;

/**
 * Where the files of fetched downloads may come from. GeWe's fileUrl arrives over plain http by default, so anyone on
 * the path can rewrite it: without this check a fetch would GET any URL (another port of this machine, an internal
 * service, an {@code ftp://} or {@code gopher://} URL sent as HTTP) and write the answer where the route puts files.
 * <p>
 * A fileUrl is fetched only when it is http or https, carries no credentials, and names one of: the base URL's host
 * and port; downloadBaseUrl's host and port; one of GeWe's download hosts on its scheme's default port; a host of
 * downloadHosts. Relative fileUrls are resolved against downloadBaseUrl (else the base URL's origin) and so stay
 * allowed; a scheme-relative one ({@code //host/x}) is refused, as it names a host of its own. Redirects are not
 * followed at all (the transport disables them), so no other host is reached through one.
 */
final class DownloadPolicy {

    /**
     * The hosts GeWe's documentation shows in the answers of its downloads, each on its scheme's default port. From the
     * official pages (the project's copy in gewe-api/official/): 消息模块/下载图片.md, 下载视频.md, 下载语音.md,
     * 下载文件.md and cdn下载.md answer {@code http://wxapii.oos-sccd.ctyunapi.cn/<date>/<appId>/<uuid>.<ext>?AWSAccessKeyId=..}
     * (China Telecom's object storage: the bucket is the subdomain; seeds/004, downloadImage, shows the same host);
     * 朋友圈模块/下载朋友圈视频.md answers {@code http://oos-sccd.ctyunapi.cn/...}; 消息模块/下载emoji.md answers
     * {@code http://wxapp.tc.qq.com/262/20304/stodownload?m=..} (WeChat's emoji CDN).
     */
    static final List<String> GEWE_HOSTS = List.of("oos-sccd.ctyunapi.cn", "*.oos-sccd.ctyunapi.cn", "wxapp.tc.qq.com");

    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-f:.]+\\]");
    private static final int SHOWN = 200;

    private final URI base;
    private final List<Host> hosts;
    private final String allowed;

    private DownloadPolicy(URI base, List<Host> hosts, String allowed) {
        this.base = base;
        this.hosts = hosts;
        this.allowed = allowed;
    }

    /**
     * The policy of one client and endpoint.
     *
     * @param  origin                   the base URL's scheme, host and port
     * @param  origins                  the endpoint's downloadBaseUrl and downloadHosts
     * @throws IllegalArgumentException naming an option that is not what it should be
     */
    static DownloadPolicy of(URI origin, FetchOrigins origins) {
        List<Host> hosts = new ArrayList<>();
        hosts.add(Host.of(origin));
        URI base = origin;
        if (origins.downloadBaseUrl() != null) {
            base = downloadBase(origins.downloadBaseUrl());
            hosts.add(Host.of(base));
        }
        GEWE_HOSTS.forEach(h -> hosts.add(Host.parse(h, "GeWe's download hosts")));
        origins.downloadHosts().forEach(h -> hosts.add(Host.parse(h, "downloadHosts")));
        String allowed = "baseUrl's " + hosts.get(0) + (origins.downloadBaseUrl() == null ? "" : ", downloadBaseUrl's "
                + hosts.get(1)) + ", GeWe's download hosts " + String.join(", ", GEWE_HOSTS)
                + (origins.downloadHosts().isEmpty() ? "" : " and downloadHosts " + origins.downloadHosts().stream()
                        .map(String::strip).collect(Collectors.joining(", ")));
        return new DownloadPolicy(base, List.copyOf(hosts), allowed);
    }

    /**
     * Checks an endpoint's options as it is created, so that a typo fails the route at start.
     *
     * @throws IllegalArgumentException naming the option and the problem
     */
    static void check(FetchOrigins origins) {
        if (origins.downloadBaseUrl() != null) {
            downloadBase(origins.downloadBaseUrl());
        }
        origins.downloadHosts().forEach(h -> Host.parse(h, "downloadHosts"));
    }

    /**
     * The URL to fetch for GeWe's fileUrl.
     *
     * @throws Refused naming the URL without its query (it may carry a signature) and why
     */
    URI check(String fileUrl) throws Refused {
        String text = fileUrl == null ? "" : fileUrl.strip();
        if (text.isEmpty()) {
            throw new Refused("GeWe's fileUrl is empty, nothing was fetched");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw refused(text, "it is not a URL (" + e.getReason() + ")");
        }
        if (uri.getScheme() == null) {
            if (uri.getRawAuthority() != null) {
                throw refused(text, "a scheme-relative URL names a host of its own");
            }
            uri = base.resolve(uri);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw refused(text, "only http and https files are fetched");
        }
        if (uri.getRawUserInfo() != null) {
            throw refused(text, "it carries credentials");
        }
        if (uri.getHost() == null) {
            throw refused(text, "it names no host");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort() == -1 ? defaultPort(scheme) : uri.getPort();
        for (Host h : hosts) {
            if (h.matches(host, port, scheme)) {
                return uri;
            }
        }
        throw refused(text, host + ":" + port + " is not a host downloads are fetched from (" + allowed
                + "); add it to downloadHosts if GeWe's files are really there");
    }

    private static Refused refused(String fileUrl, String why) {
        return new Refused("GeWe's fileUrl " + shown(fileUrl) + " was refused, nothing was fetched: " + why);
    }

    /** The URL as an error may show it: no credentials, no query, no fragment, no control characters, not too long. */
    static String shown(String url) {
        String s = url;
        int cut = s.length();
        for (char c : new char[] { '?', '#' }) {
            int i = s.indexOf(c);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        s = s.substring(0, cut);
        int scheme = s.indexOf("://");
        int at = s.indexOf('@', scheme < 0 ? 0 : scheme + 3);
        int slash = s.indexOf('/', scheme < 0 ? 0 : scheme + 3);
        if (scheme >= 0 && at >= 0 && (slash < 0 || at < slash)) {
            s = s.substring(0, scheme + 3) + "***" + s.substring(at);
        }
        StringBuilder sb = new StringBuilder(Math.min(s.length(), SHOWN) + 3);
        for (int i = 0; i < s.length() && i < SHOWN; i++) {
            char c = s.charAt(i);
            sb.append(Character.isISOControl(c) ? '?' : c);
        }
        return s.length() > SHOWN ? sb + "..." : sb.toString();
    }

    private static URI downloadBase(String downloadBaseUrl) {
        try {
            URI uri = new URI(downloadBaseUrl.endsWith("/") ? downloadBaseUrl : downloadBaseUrl + "/");
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
                throw new URISyntaxException(downloadBaseUrl, "an http or https URL with a host is needed");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("downloadBaseUrl '" + shown(downloadBaseUrl) + "' is not a valid URL: "
                                               + e.getReason(), e);
        }
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }

    /**
     * A host files may come from.
     *
     * @param name       the host name, lower case (an IPv6 address in brackets)
     * @param subdomains true for every host under {@code name}, not {@code name} itself
     * @param port       the port, or -1 for the default port of the fileUrl's scheme
     */
    private record Host(String name, boolean subdomains, int port) {

        static Host of(URI origin) {
            String scheme = origin.getScheme().toLowerCase(Locale.ROOT);
            return new Host(origin.getHost().toLowerCase(Locale.ROOT), false,
                    origin.getPort() == -1 ? defaultPort(scheme) : origin.getPort());
        }

        /** {@code host}, {@code host:port}, {@code *.domain} or {@code *.domain:port}. */
        static Host parse(String entry, String option) {
            String e = entry.strip().toLowerCase(Locale.ROOT);
            boolean subdomains = e.startsWith("*.");
            if (subdomains) {
                e = e.substring(2);
            }
            String name = e;
            int port = -1;
            int colon = e.lastIndexOf(':');
            if (colon >= 0 && e.indexOf(']') < colon) {
                name = e.substring(0, colon);
                try {
                    port = Integer.parseInt(e.substring(colon + 1));
                } catch (NumberFormatException nfe) {
                    port = 0;
                }
                if (port < 1 || port > 65535) {
                    throw new IllegalArgumentException(option + " entry '" + entry + "' has no valid port");
                }
            }
            if (!NAME.matcher(name).matches() && !(IPV6.matcher(name).matches() && !subdomains)) {
                throw new IllegalArgumentException(option + " entry '" + entry + "' is not a host, host:port or "
                                                   + "*.domain");
            }
            return new Host(name, subdomains, port);
        }

        boolean matches(String host, int hostPort, String scheme) {
            boolean named = subdomains ? host.endsWith("." + name) : host.equals(name);
            return named && hostPort == (port == -1 ? defaultPort(scheme) : port);
        }

        @Override
        public String toString() {
            return (subdomains ? "*." : "") + name + (port == -1 ? "" : ":" + port);
        }
    }

    /** A fileUrl that is not fetched; the message names it without its query. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }
}
