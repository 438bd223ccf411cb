package io.cxhub.survey.invitation;

/** One recipient as the caller lists it; every part may be empty. */
public record Recipient(String customerId, String email, String phone, String name) {

  public Recipient {
    customerId = customerId == null ? "" : customerId.strip();
    email = email == null ? "" : email.strip();
    phone = phone == null ? "" : phone.strip();
    name = name == null ? "" : name.strip();
  }
}
