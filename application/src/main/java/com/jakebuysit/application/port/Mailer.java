package com.jakebuysit.application.port;

import com.jakebuysit.domain.Email;

/** Sends mail to a person (password resets, notices). */
public interface Mailer {

    void send(Message message);

    record Message(Email to, String subject, String text) {
    }
}
