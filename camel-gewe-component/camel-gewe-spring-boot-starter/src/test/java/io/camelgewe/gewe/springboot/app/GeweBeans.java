package io.camelgewe.gewe.springboot.app;

import java.util.concurrent.ExecutorService;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The README's beans, as it shows them (ReadmeSpringBootTest checks that they are the same). */
@Configuration
public class GeweBeans {

    @Bean
    ExecutorService weChatSends(CamelContext camelContext) {
        return camelContext.getExecutorServiceManager().newFixedThreadPool(this, "WeChatSends", 4);
    }

    @Bean
    StateRepository<String, String> geweCdnCopies() {
        return new MemoryStateRepository();
    }

    @Bean
    SSLContextParameters geweTls() {
        SSLContextParameters tls = new SSLContextParameters();
        tls.setSecureSocketProtocol("TLSv1.3");
        return tls;
    }
}
