import { sendRequest, type RawResponse } from "../clients/send-request";

/** POSTs a JSON body to a webhook endpoint, as a provider does; network failures and timeouts throw ProviderApiErrors. */
export function postDelivery(url: URL, body: string, headers: Record<string, string>, timeoutMs: number): Promise<RawResponse> {
  return sendRequest({
    call: `POST ${url.href}`,
    method: "POST",
    url,
    headers: { "content-type": "application/json", "user-agent": "bankhooks-cli", ...headers },
    body,
    timeoutMs,
  });
}

/** `HTTP 200 {"ok":true,…}`: the receiver's answer, as printed. */
export function formatAnswer(response: RawResponse): string {
  return `HTTP ${response.status}${response.text === "" ? "" : ` ${response.text.trim()}`}`;
}
