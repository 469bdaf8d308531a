package io.camelgewe.gewe.springboot.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Spring Boot application the tests run: a user's, with the README's routes ({@link WeChatRoutes}) and beans
 * ({@link GeweBeans}), configured by nothing but properties.
 */
@SpringBootApplication
public class GeweApplication {
}
