package dev.strangler.demo.monolith.socket;

import java.io.IOException;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * Answers each text message with {@code echo: } and the message. A message {@code close <code>}
 * makes the server close the session with that code, so a test sees a close start on either side.
 */
class EchoSocketHandler extends TextWebSocketHandler {

  private static final String CLOSE = "close ";

  @Override
  public void afterConnectionEstablished(WebSocketSession session) throws IOException {
    session.sendMessage(new TextMessage("hello"));
  }

  @Override
  protected void handleTextMessage(WebSocketSession session, TextMessage message)
      throws IOException {
    String text = message.getPayload();
    if (text.startsWith(CLOSE)) {
      session.close(new CloseStatus(closeCode(text.substring(CLOSE.length())), "as asked"));
      return;
    }
    session.sendMessage(new TextMessage("echo: " + text));
  }

  private static int closeCode(String digits) {
    try {
      int code = Integer.parseInt(digits.trim());
      // 1000 and the application range; anything else is the client's mistake.
      return code == 1000 || (code >= 4000 && code <= 4999) ? code : 1008;
    } catch (NumberFormatException notACode) {
      return 1008; // policy violation
    }
  }
}
