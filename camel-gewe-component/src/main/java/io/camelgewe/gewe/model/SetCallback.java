package io.camelgewe.gewe.model;

/**
 * The request of {@code login/setCallback}: set the URL GeWe pushes received messages to.
 */
public class SetCallback extends GeweRequest {

    /** Creates an empty request. */
    public SetCallback() {
    }

    /** The GeWe token the callback URL is set for; the endpoint's token when not given. */
    public String getToken() {
        return text("token");
    }

    /** Sets the field {@code token}: the GeWe token the callback URL is set for; the endpoint's token when not given. */
    public void setToken(String token) {
        set("token", token);
    }

    /** The URL GeWe pushes received messages to. */
    public String getCallbackUrl() {
        return text("callbackUrl");
    }

    /** Sets the field {@code callbackUrl}: the URL GeWe pushes received messages to. */
    public void setCallbackUrl(String callbackUrl) {
        set("callbackUrl", callbackUrl);
    }
}
