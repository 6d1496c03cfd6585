package io.pathtrack.guard.security;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page a user lands on after signing out ({@link IssuerSignOut}): it says whether the sign-in server's session
 * ended too, and links back to sign-in. Rendered with the service's own message template ({@code pages/problem}, as
 * {@link PageErrorAnswers} does), without a status.
 */
@Controller
@PageController
class SignedOutPage {
  static final String EVERYWHERE = "You have signed out of PathTrack and of the sign-in server. The next person to use "
      + "this browser must sign in with their own password.";
  static final String HERE_ONLY = "You have signed out of these pages. The sign-in server could not be told: close the "
      + "browser if this computer is shared.";

  private final PageProperties pages;

  SignedOutPage(PageProperties pages) {
    this.pages = pages;
  }

  @GetMapping(PageProperties.SIGNED_OUT)
  @OpenEndpoint("says that the user has signed out; shows nothing about anyone")
  String signedOut(@RequestParam(name = "issuer", required = false) String issuer, Model model) {
    model.addAttribute("title", "Signed out");
    model.addAttribute("reason", "kept".equals(issuer) ? HERE_ONLY : EVERYWHERE);
    model.addAttribute("next", pages.home());
    model.addAttribute("nextLabel", "Sign in again");
    return "pages/problem";
  }
}
