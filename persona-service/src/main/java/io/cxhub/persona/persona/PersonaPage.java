package io.cxhub.persona.persona;

import java.util.List;

/** One page of personas; {@code nextPageToken} is empty on the last page. */
public record PersonaPage(List<Persona> personas, String nextPageToken) {

  public PersonaPage {
    personas = List.copyOf(personas);
  }
}
