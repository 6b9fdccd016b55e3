package io.bosang.service;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class OpenApiConfig {
    @Bean
    OpenAPI bosangOpenApi() {
        return new OpenAPI().info(new Info().title("Bosang service").version("v1")
                .description("Outage compensation decided by Drools policies. Every assessment names the policy version "
                        + "(id, version, content hash) that produced it."));
    }
}
