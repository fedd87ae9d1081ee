package org.kaohe.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The OpenAPI description's title and its HTTP Basic scheme (Swagger UI's Authorize button). */
@Configuration
class ApiDocsConfig {

    private static final String BASIC = "basicAuth";

    @Bean
    OpenAPI kaoheOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Kaohe 考核 API").version("1")
                        .description("考核结果、导入、考核细则与用户 / results, imports, rulebooks and users. "
                                + "HTTP Basic;角色同网页 / same roles as the web UI."))
                .components(new Components().addSecuritySchemes(BASIC,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }
}
