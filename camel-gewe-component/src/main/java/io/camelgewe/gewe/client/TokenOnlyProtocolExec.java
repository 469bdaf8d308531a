package io.camelgewe.gewe.client;

import java.io.IOException;

import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.async.AsyncExecCallback;
import org.apache.hc.client5.http.async.AsyncExecChain;
import org.apache.hc.client5.http.async.AsyncExecChainHandler;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.Method;
import org.apache.hc.core5.http.ProtocolException;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.support.BasicRequestBuilder;
import org.apache.hc.core5.net.URIAuthority;

/**
 * The PROTOCOL step of the async client's exec chain, in place of HttpClient's own {@code AsyncProtocolExec}, for a
 * client that never answers an HTTP authentication challenge.
 * <p>
 * GeWe takes the token in the X-GEWE-TOKEN header, and the component has no credentials for GeWe or for a proxy, so
 * a 401 or 407 can only be reported, never answered. HttpClient's step still prepares for an answer on every request:
 * it works out the path prefix an authentication would be scoped to by parsing the request path, percent-decoding
 * and re-encoding each segment. At 64 calls in flight that was about 9% of the component's CPU per call, more than
 * all of the request and reply JSON. What else that step does is done here the same way: CONNECT is refused, a
 * request through a plain (not tunnelled) proxy carries the absolute URI, a request gets the route's scheme and
 * authority when it has none, and an authority with user info is refused. A 401 or 407 then comes back as the answer
 * it is, as it did from HttpClient's step when no credentials were there to answer it with.
 */
final class TokenOnlyProtocolExec implements AsyncExecChainHandler {

    @Override
    public void execute(HttpRequest userRequest, AsyncEntityProducer entityProducer, AsyncExecChain.Scope scope,
                        AsyncExecChain chain, AsyncExecCallback callback) throws HttpException, IOException {
        if (Method.CONNECT.isSame(userRequest.getMethod())) {
            throw new ProtocolException("a CONNECT request opens a proxy tunnel, it is not sent as a call");
        }
        HttpRoute route = scope.route;
        HttpHost target = route.getTargetHost();
        HttpRequest request = userRequest;
        if (route.getProxyHost() != null && !route.isTunnelled()) {
            // a plain HTTP proxy is asked for the whole URL; the request the caller made is left as it was
            BasicRequestBuilder copy = BasicRequestBuilder.copy(userRequest);
            if (copy.getAuthority() == null) {
                copy.setAuthority(new URIAuthority(target));
            }
            copy.setAbsoluteRequestUri(true);
            request = copy.build();
        }
        if (request.getScheme() == null) {
            request.setScheme(target.getSchemeName());
        }
        if (request.getAuthority() == null) {
            request.setAuthority(new URIAuthority(target));
        }
        if (request.getAuthority().getUserInfo() != null) {
            throw new ProtocolException("the URL names a user (user@host), which HTTP no longer allows in a request");
        }
        chain.proceed(request, entityProducer, scope, callback);
    }
}
