package io.camelgewe.gewe.spi;

/**
 * The time limits of one endpoint's calls, built once per endpoint.
 *
 * @param connectMillis  how long to wait for a connection, in milliseconds
 * @param responseMillis how long to wait for the answer once the request is sent, in milliseconds
 */
public record GeweTimeouts(long connectMillis, long responseMillis) {
}
