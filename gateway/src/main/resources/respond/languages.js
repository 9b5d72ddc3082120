// Which language a respondent reads: the first wish that the survey offers. Wishes come, in this order, from the
// link's lang parameter (a choice made on purpose), the invitation (what the sender knew of the customer), the
// browser (its Accept-Language, as navigator.languages) and last the survey's default language.

const TRADITIONAL = ['zh-tw', 'zh-hk', 'zh-mo', 'zh-hant'];

/** The offered tag that best serves one wished-for tag, or null. */
export function match(wish, offered) {
  if (!wish) {
    return null;
  }
  const wanted = wish.toLowerCase();
  const byLower = new Map(offered.map((tag) => [tag.toLowerCase(), tag]));
  if (byLower.has(wanted)) {
    return byLower.get(wanted);
  }
  const primary = wanted.split('-')[0];
  if (primary === 'zh') {
    // Chinese is read in one of two scripts: never serve Traditional to a Simplified reader or the other way round
    // when the survey has both.
    const traditional = TRADITIONAL.some((tag) => wanted.startsWith(tag));
    const script = traditional ? 'zh-tw' : 'zh-cn';
    if (byLower.has(script)) {
      return byLower.get(script);
    }
    if (byLower.has('zh')) {
      return byLower.get('zh');
    }
  }
  const sameLanguage = offered.find((tag) => tag.toLowerCase().split('-')[0] === primary);
  return sameLanguage || null;
}

/** The language to show: the first wish the survey offers, else its default language. */
export function choose(wishes, offered, defaultLanguage) {
  for (const wish of wishes) {
    const found = match(wish, offered);
    if (found) {
      return found;
    }
  }
  return defaultLanguage;
}

/** The language of the page's own texts (en, ja, zh-TW, zh-CN) for a survey language. */
export function pageLanguage(tag) {
  return match(tag, ['en', 'ja', 'zh-TW', 'zh-CN']) || 'en';
}

/** The wishes of this visit, most deliberate first; the invitation's locale is added once it is known. */
export function wishesOf(location, navigatorLanguages, invitationLocale) {
  const wishes = [];
  const fromLink = new URLSearchParams(location.search).get('lang');
  if (fromLink) {
    wishes.push(fromLink);
  }
  if (invitationLocale) {
    wishes.push(invitationLocale);
  }
  return wishes.concat(navigatorLanguages || []);
}
