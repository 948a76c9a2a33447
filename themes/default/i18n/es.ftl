skip-to-content = Saltar al contenido principal
language-switcher = Idiomas
all-languages = Todos los idiomas
built-with = Creado con newsroom
choose-language = Elija su idioma
events-heading = Eventos
no-events = Todavía no se ha cubierto ningún evento en este idioma.
date-unknown = Fecha desconocida
report-count = { PLURAL($count) ->
    [one] { $count } crónica
    [many] { $count } de crónicas
   *[other] { $count } crónicas
}
available-in = Cobertura en:
event-date = Fecha
event-place = Lugar
reports-heading = Crónicas
other-languages-heading = Cobertura en otros idiomas
published = Publicado el
event = Evento:
source = Fuente:
also-in = También disponible en
taxonomy-sectors = Sectores
taxonomy-countries = Países
taxonomy-organisations = Organizaciones
taxonomy-tags = Etiquetas
not-found-title = Página no encontrada
not-found-text = No hay ninguna página en esta dirección. Puede que se haya movido o que el enlace esté mal escrito.
not-found-home = Ir a los últimos eventos
site-sections = Secciones
nav-latest = Lo último
nav-archive = Archivo
archive-title = Archivo
archive-year-title = Eventos de { $year }
archive-undated = Los eventos sin fecha conocida aparecen en la página de inicio.
event-count = { PLURAL($count) ->
    [one] { $count } evento
    [many] { $count } de eventos
   *[other] { $count } eventos
}
term-reports = Crónicas sobre { $term }
no-terms = Todavía no hay nada en este apartado.
pagination = Páginas
pagination-newer = Más recientes
pagination-older = Anteriores
pagination-status = Página { $page } de { $pages }
suggest-language = Continuar en español
