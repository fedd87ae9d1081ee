package org.kaohe.web;

import org.kaohe.security.OpenIdLogin;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The form login page, with 统一身份认证 beside it when a provider is configured; Spring Security handles the POST. */
@Controller
class LoginController {

    private final OpenIdLogin openId;

    LoginController(OpenIdLogin openId) {
        this.openId = openId;
    }

    @GetMapping("/login")
    String login(Model model) {
        if (openId.configured()) {
            model.addAttribute("openIdLogin", openId.loginPath());
        }
        return "login";
    }
}
