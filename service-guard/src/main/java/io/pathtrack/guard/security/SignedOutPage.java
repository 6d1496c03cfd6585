package io.pathtrack.guard.security;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page a user lands on after signing out ({@link IssuerSignOut}): it says whether the sign-in server's session
 * ended too, and links back to sign-in. Rendered with the service's own {@code pages/layout}.
 */
@Controller
@PageController
class SignedOutPage {
  private final PageProperties pages;

  SignedOutPage(PageProperties pages) {
    this.pages = pages;
  }

  @GetMapping(PageProperties.SIGNED_OUT)
  @OpenEndpoint("says that the user has signed out; shows nothing about anyone")
  String signedOut(@RequestParam(name = "issuer", required = false) String issuer, Model model) {
    model.addAttribute("home", pages.home());
    model.addAttribute("issuerKept", "kept".equals(issuer));
    return "pages/signed-out";
  }
}
