package org.kaohe.web;

import org.kaohe.work.HeavyWork;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * "进行中的操作": the heavy work running on this server (imports, checks, publications, what-ifs,
 * replays, exports) that the user started (an admin sees everyone's), each with a button that
 * cancels it. The page a leader opens beside a long check to stop it; the API's is /api/work.
 */
@Controller
class WorkController {

    private final HeavyWork heavy;

    WorkController(HeavyWork heavy) {
        this.heavy = heavy;
    }

    @GetMapping("/work")
    String running(Authentication who, Model model) {
        model.addAttribute("running", heavy.running(who.getName(), admin(who)));
        return "work";
    }

    @PostMapping("/work/{id}/cancel")
    String cancel(@PathVariable String id, Authentication who) {
        heavy.cancel(id, who.getName(), admin(who));
        return "redirect:/work";
    }

    private static boolean admin(Authentication who) {
        return who.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
    }
}
