// Passkeys (WebAuthn) for the sign-in and account security pages. A form marked data-passkey="get" (sign in) or
// "create" (add one) asks the server for a challenge (data-options-url), lets the browser's authenticator answer it,
// and posts the answer as JSON in the form's "credential" field, together with the form's antiforgery token.

const MESSAGES = {
  unsupported: 'This browser cannot use passkeys. Use a current version of Chrome, Edge, Safari or Firefox, or sign in with your password.',
  cancelled: 'No passkey was used: the request was cancelled or timed out. Try again when you are ready.',
  duplicate: 'This device already holds a passkey for your account.',
  insecure: 'Passkeys need the site to be opened by its name over https (or as localhost), not by an IP address or plain http.',
  server: 'The server did not start the passkey request. Reload the page and try again.',
  failed: 'The passkey could not be used. Try again, or use another way to sign in.',
};

const supported = () =>
  typeof window.PublicKeyCredential === 'function' && !!navigator.credentials?.create && !!navigator.credentials?.get;

const toBytes = (base64url) => {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(base64url.length / 4) * 4, '=');
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
};

const toBase64url = (buffer) => {
  let text = '';
  new Uint8Array(buffer).forEach((b) => { text += String.fromCharCode(b); });
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

// Older browsers lack parse*OptionsFromJSON: the byte fields arrive base64url-encoded and are decoded by hand.
const withIds = (list) => (list ?? []).map((c) => ({ ...c, id: toBytes(c.id) }));

const creationOptions = (json) => {
  if (PublicKeyCredential.parseCreationOptionsFromJSON) return PublicKeyCredential.parseCreationOptionsFromJSON(json);
  return {
    ...json,
    challenge: toBytes(json.challenge),
    user: { ...json.user, id: toBytes(json.user.id) },
    excludeCredentials: withIds(json.excludeCredentials),
  };
};

const requestOptions = (json) => {
  if (PublicKeyCredential.parseRequestOptionsFromJSON) return PublicKeyCredential.parseRequestOptionsFromJSON(json);
  return { ...json, challenge: toBytes(json.challenge), allowCredentials: withIds(json.allowCredentials) };
};

// The JSON the server reads (WebAuthn's RegistrationResponseJSON / AuthenticationResponseJSON).
const credentialJson = (credential) => {
  if (typeof credential.toJSON === 'function') return JSON.stringify(credential.toJSON());
  const r = credential.response;
  const response = { clientDataJSON: toBase64url(r.clientDataJSON) };
  if (r.attestationObject) {
    response.attestationObject = toBase64url(r.attestationObject);
    response.transports = typeof r.getTransports === 'function' ? r.getTransports() : [];
  } else {
    response.authenticatorData = toBase64url(r.authenticatorData);
    response.signature = toBase64url(r.signature);
    if (r.userHandle) response.userHandle = toBase64url(r.userHandle);
  }
  return JSON.stringify({
    id: credential.id,
    rawId: toBase64url(credential.rawId),
    type: credential.type,
    authenticatorAttachment: credential.authenticatorAttachment ?? undefined,
    clientExtensionResults: credential.getClientExtensionResults(),
    response,
  });
};

const explain = (error) => {
  switch (error?.name) {
    case 'NotAllowedError':
    case 'AbortError': return MESSAGES.cancelled;
    case 'InvalidStateError': return MESSAGES.duplicate;
    case 'SecurityError': return MESSAGES.insecure;
    case 'NotSupportedError': return MESSAGES.unsupported;
    default: return error?.message === 'server' ? MESSAGES.server : MESSAGES.failed;
  }
};

const fetchOptions = async (form) => {
  const body = new FormData();
  body.append('__RequestVerificationToken', form.querySelector('input[name=__RequestVerificationToken]').value);
  const response = await fetch(form.dataset.optionsUrl, { method: 'POST', body, credentials: 'same-origin' });
  if (!response.ok) throw new Error('server');
  return response.json();
};

document.querySelectorAll('form[data-passkey]').forEach((form) => {
  const status = form.querySelector('[data-passkey-status]');
  const field = form.querySelector('input[name=credential]');
  const buttons = [...form.querySelectorAll('button')];
  const say = (text) => { if (status) status.textContent = text; };

  if (!supported()) {
    // Browsers hide WebAuthn from pages that are not a secure context (plain http other than localhost).
    say(window.isSecureContext ? MESSAGES.unsupported : MESSAGES.insecure);
    buttons.forEach((b) => { b.disabled = true; });
    return;
  }

  form.addEventListener('submit', async (event) => {
    if (field.value) return; // the answer is in: let the post go
    event.preventDefault();
    buttons.forEach((b) => { b.disabled = true; });
    say(form.dataset.passkey === 'create' ? 'Follow your browser\u2019s steps to create the passkey\u2026'
      : 'Choose your passkey in the browser\u2019s window\u2026');
    try {
      const json = await fetchOptions(form);
      const credential = form.dataset.passkey === 'create'
        ? await navigator.credentials.create({ publicKey: creationOptions(json) })
        : await navigator.credentials.get({ publicKey: requestOptions(json) });
      if (!credential) throw new DOMException('', 'NotAllowedError');
      field.value = credentialJson(credential);
      say('Checking the passkey\u2026');
      form.submit();
    } catch (error) {
      say(explain(error));
      buttons.forEach((b) => { b.disabled = false; });
    }
  });
});
