package io.camelgewe.gewe.springboot.app;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** The README's routes, as it shows them (ReadmeSpringBootTest checks that they are the same). */
@Component
public class WeChatRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:notify").to("gewe:postText");
        from("gewe:callback").log("${body.fromWxid} wrote: ${body.content}");
    }
}
