// VS Code turns "[text](command:...)" in a notification into a link that
// runs the command. Text from a server must never become one, so the
// pattern is broken before such text reaches a notification.

export function withoutLinks(text: string): string {
  return text.replace(/\]\s*\(/g, '] (');
}
